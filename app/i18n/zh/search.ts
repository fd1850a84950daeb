export default {
  title: "搜索",
  label: "搜索建议和评论",
  submit: "搜索",
  results: "“{{query}}”共有 {{count}} 条结果",
  results_other: "“{{query}}”共有 {{count}} 条结果",
  none: "没有找到与“{{query}}”相关的内容。换个词试试，或者把它作为新建议发布。",
  prompt: "输入关键词，可搜索标题、描述和评论，支持中文和英文。",
};
