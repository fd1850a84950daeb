import account from "./account";
import api from "./api";
import admin from "./admin";
import auth from "./auth";
import badges from "./badges";
import common from "./common";
import complaints from "./complaints";
import digest from "./digest";
import forms from "./forms";
import honorWall from "./honorWall";
import invitations from "./invitations";
import leads from "./leads";
import markdown from "./markdown";
import lifecycle from "./lifecycle";
import notifications from "./notifications";
import privileges from "./privileges";
import profile from "./profile";
import ratings from "./ratings";
import releases from "./releases";
import scoring from "./scoring";
import search from "./search";
import share from "./share";
import campaigns from "./campaigns";
import staff from "./staff";
import suggestions from "./suggestions";
import uploads from "./uploads";

export default {
  account,
  api,
  admin, common, auth, forms, suggestions, search, profile, notifications, releases, ratings, complaints, lifecycle, staff, badges, privileges, honorWall, invitations, share, campaigns, scoring, leads, markdown, uploads, digest };
