export default function Index() {
  return <p>A bare Remix page: what the server stack and Remix cost without Sprout.</p>;
}
