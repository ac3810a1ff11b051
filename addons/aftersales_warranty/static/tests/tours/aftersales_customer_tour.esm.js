/* Copyright 2026 After-Sales Suite Authors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/** A 2 x 2 PNG picture: the photo of the invoice, then of the fault. */
const PICTURE =
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM8ISfHwMDAxMDAwMDAAAANBAEIfXHKZgAAAABJRU5ErkJggg==";

/**
 * Put a picture in the file input of the page, as the phone's camera does.
 */
function attachPicture(selector, name) {
    const input = document.querySelector(selector);
    const bytes = Uint8Array.from(atob(PICTURE), (c) => c.charCodeAt(0));
    const files = new DataTransfer();
    files.items.add(new File([bytes], name, {type: "image/png"}));
    input.files = files.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

/**
 * Set a date or a choice the way the phone's picker does.
 */
function setValue(selector, value) {
    const input = document.querySelector(selector);
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

/**
 * Choose the option of a <select> whose label contains `label`.
 */
function chooseOption(selector, label) {
    const select = document.querySelector(selector);
    const option = [...select.options].find((o) => o.textContent.includes(label));
    if (!option) {
        throw new Error(`no option "${label}" in ${selector}`);
    }
    setValue(selector, option.value);
}

// The customer on his phone: he checks the warranty of his air conditioner
// without an account, logs in, registers the purchase of a second unit with a
// photo of its invoice, and reports a fault on it with a photo and the times
// he is at home.
registry.category("web_tour.tours").add("aftersales_customer_tour", {
    steps: () => [
        {
            content: "Type the serial number from the label",
            trigger: "#aftersales_warranty_check_form input[name='serial']",
            run: "edit AC-T-0001",
        },
        {
            content: "Check it",
            trigger: "#aftersales_warranty_check_form button[type='submit']",
            run: "click",
        },
        {
            content: "The unit is covered, and the page says until when",
            trigger: ".o_aftersales_warranty_answer[data-state='in_warranty']:contains(Covered through)",
        },
        {
            content: "Log in",
            trigger: "a#aftersales_login_link",
            run: "click",
        },
        {
            content: "His login",
            trigger: "form.oe_login_form input[name='login']",
            run: "edit as_portal_tour",
        },
        {
            content: "His password",
            trigger: "form.oe_login_form input[name='password']",
            run: "edit as_portal_tour",
        },
        {
            content: "Log in",
            trigger: "form.oe_login_form button[type='submit']",
            run: "click",
        },
        {
            content: "His units: register the purchase of a new one",
            trigger: "a#aftersales_register_purchase",
            run: "click",
        },
        {
            content: "The product",
            trigger: "#aftersales_register_form select[name='product_id']",
            run: () => chooseOption("#aftersales_register_form select[name='product_id']", "Test AC"),
        },
        {
            content: "The serial number on the label",
            trigger: "#aftersales_register_form input[name='serial']",
            run: "edit AC-T-TOUR",
        },
        {
            content: "The date on the invoice",
            trigger: "#aftersales_register_form input[name='purchase_date']",
            run: () => setValue("#aftersales_register_form input[name='purchase_date']", "2026-09-20"),
        },
        {
            content: "The shop",
            trigger: "#aftersales_register_form input[name='shop']",
            run: "edit Suning, Nanjing Road",
        },
        {
            content: "A photo of the invoice",
            trigger: "#aftersales_register_form input[name='invoice']",
            run: () => attachPicture("#aftersales_register_form input[name='invoice']", "invoice.png"),
        },
        {
            content: "Register",
            trigger: "#aftersales_register_form button[type='submit']",
            run: "click",
        },
        {
            content: "The invoice waits for the check: report a fault on the unit",
            trigger: "#aftersales_proof_to_verify",
        },
        {
            content: "Report a fault on this unit",
            trigger: "a#aftersales_unit_report_fault",
            run: "click",
        },
        {
            content: "The fault form proposes the unit",
            trigger: "select#aftersales_unit:has(option[selected]:contains(AC-T-TOUR))",
        },
        {
            content: "The kind of fault",
            trigger: "select#aftersales_fault_type",
            run: () => setValue("select#aftersales_fault_type", "hardware"),
        },
        {
            content: "What is wrong",
            trigger: "form[action='/submitted/ticket'] input[name='subject']",
            run: "edit The air conditioner blows warm air",
        },
        {
            content: "The details",
            trigger: "form[action='/submitted/ticket'] textarea[name='description']",
            run: "edit It runs but no longer cools since yesterday.",
        },
        {
            content: "A photo of the fault",
            trigger: "form[action='/submitted/ticket'] input[name='attachment']",
            run: () => attachPicture("form[action='/submitted/ticket'] input[name='attachment']", "fault.png"),
        },
        {
            content: "First time he is at home: Wednesday morning",
            trigger: "input[name='aftersales_slot_day_1']",
            run: () => {
                setValue("input[name='aftersales_slot_day_1']", "2026-09-30");
                setValue("select[name='aftersales_slot_period_1']", "morning");
            },
        },
        {
            content: "Second time: Friday afternoon",
            trigger: "input[name='aftersales_slot_day_2']",
            run: () => {
                setValue("input[name='aftersales_slot_day_2']", "2026-10-02");
                setValue("select[name='aftersales_slot_period_2']", "afternoon");
            },
        },
        {
            content: "Send the request",
            trigger: "form[action='/submitted/ticket'] button[type='submit']",
            run: "click",
        },
        {
            content: "His request is received",
            trigger: "#aftersales_progress li[data-step='received'][data-state='current']",
        },
        {
            content: "The conversation with the service is loaded",
            trigger: "#chatterRoot:shadow .o-mail-Chatter",
        },
    ],
});

// Two days before the visit: he confirms the appointment the dispatcher
// proposed.
registry.category("web_tour.tours").add("aftersales_customer_appointment_tour", {
    steps: () => [
        {
            content: "An engineer is assigned",
            trigger: "#aftersales_progress li[data-step='assigned'][data-state='current']",
        },
        {
            content: "Confirm the proposed appointment",
            trigger: "#aftersales_appointment button#aftersales_appointment_confirm",
            run: "click",
        },
        {
            content: "The appointment is agreed",
            trigger: "#aftersales_appointment #aftersales_appointment_agreed",
        },
        {
            content: "The conversation with the service is loaded",
            trigger: "#chatterRoot:shadow .o-mail-Chatter",
        },
    ],
});

// On the day: the engineer called ahead and checked in.
registry.category("web_tour.tours").add("aftersales_customer_status_tour", {
    steps: () => [
        {
            content: "The engineer is on site",
            trigger: "#aftersales_progress li[data-step='on_site'][data-state='current']",
        },
        {
            content: "He was on the way before",
            trigger: "#aftersales_progress li[data-step='on_the_way'][data-state='done']",
        },
        {
            content: "The conversation with the service is loaded",
            trigger: "#chatterRoot:shadow .o-mail-Chatter",
        },
    ],
});
