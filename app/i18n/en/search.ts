export default {
  title: "Search",
  label: "Search suggestions and comments",
  submit: "Search",
  results: "{{count}} result for “{{query}}”",
  results_other: "{{count}} results for “{{query}}”",
  none: "Nothing matches “{{query}}”. Try other words, or post it as a new suggestion.",
  prompt: "Type a few words: titles, descriptions and comments are searched, in English and Chinese.",
};
