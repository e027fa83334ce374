import type { Messages } from "../index";

// English strings of the error and 404 pages (see fr/errors.ts for why they have their own file).
export const errorsEn: Messages["errors"] = {
  notFoundTitle: "Page not found",
  notFoundBody: "The page you asked for does not exist or has moved.",
  backHome: "Back to the dashboard",
  backToMessages: "Back to messages",
  errorTitle: "Something went wrong",
  errorBody: "The operation could not be completed. Try again; if it keeps happening, tell an administrator.",
  errorReference: "Reference: {digest}",
  retry: "Try again",
};
