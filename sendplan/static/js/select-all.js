// "Select all" and "Select none" for each group of checkboxes marked data-select-all: added
// by script, since without it they could do nothing; the checkboxes work either way.
for (const group of document.querySelectorAll("[data-select-all]")) {
  const boxes = group.querySelectorAll("input[type=checkbox]");
  const legend = group.querySelector("legend");
  const name = legend ? legend.textContent.trim() : "this section";
  const buttons = document.createElement("div");
  buttons.className = "govuk-button-group sendplan-select-all";
  for (const [words, checked] of [["Select all", true], ["Select none", false]]) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "govuk-button govuk-button--secondary govuk-!-margin-bottom-2";
    button.textContent = words;
    const hidden = document.createElement("span");
    hidden.className = "govuk-visually-hidden";
    hidden.textContent = ` in ${name}`;
    button.append(hidden);
    button.addEventListener("click", () => {
      for (const box of boxes) box.checked = checked;
    });
    buttons.append(button);
  }
  group.querySelector(".govuk-checkboxes").before(buttons);
}
