export default {
  joined: "Joined",
  suggestions: "suggestions",
  votesReceived: "votes received",
  comments: "comments",
  recentSuggestions: "Suggestions",
  noSuggestions: "No suggestions yet.",
};
