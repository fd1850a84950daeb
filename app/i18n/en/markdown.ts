export default {
  mode: "Write or preview",
  write: "Write",
  preview: "Preview",
  loading: "Rendering the preview…",
  failed: "The preview could not be loaded. Your text is unchanged.",
  empty: "Nothing to preview yet.",
  previewPageHint: "This is how your text will look. Close this tab to go back to your form: your text is still there.",
  help: {
    title: "Formatting help",
    bold: "bold",
    italic: "italic",
    link: "link text",
    list: "list item",
    quote: "quote",
    html: "HTML and scripts are removed; links open outside Sprout.",
  },
};
