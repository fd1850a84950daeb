export default {
  joined: "加入于",
  suggestions: "条建议",
  votesReceived: "获得票数",
  comments: "条评论",
  recentSuggestions: "发布的建议",
  noSuggestions: "还没有发布建议。",
};
