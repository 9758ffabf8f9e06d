// Starts GOV.UK Frontend's components (error summary, details, buttons, and the rest).
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
