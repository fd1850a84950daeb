import auth from "./auth";
import common from "./common";
import search from "./search";
import suggestions from "./suggestions";

export default { common, auth, suggestions, search };
