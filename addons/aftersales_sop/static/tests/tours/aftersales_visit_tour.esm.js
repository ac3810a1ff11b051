/* Copyright 2026 After-Sales Suite Authors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/**
 * Draw a stroke on the signature pad of the open dialog, as a finger does.
 */
function drawSignature() {
    const canvas = document.querySelector(".modal canvas.o_web_sign_signature");
    const box = canvas.getBoundingClientRect();
    const fire = (type, x, y) =>
        canvas.dispatchEvent(
            new PointerEvent(type, {
                bubbles: true,
                cancelable: true,
                pointerId: 1,
                pointerType: "touch",
                isPrimary: true,
                buttons: type === "pointerup" ? 0 : 1,
                pressure: type === "pointerup" ? 0 : 0.5,
                clientX: box.left + x,
                clientY: box.top + y,
            })
        );
    fire("pointerdown", 20, 40);
    for (let step = 1; step <= 20; step++) {
        fire("pointermove", 20 + step * 10, 40 + (step % 2 ? 15 : -15));
    }
    fire("pointerup", 220, 40);
}

const STEPS = ".o_form_view .o_aftersales_visit_steps";

// The engineer's visit on his phone: check in, show his ID, explain the plan,
// work, test with the customer, the checklist and the customer's signature,
// check out. Each step waits for what the previous button changed.
registry.category("web_tour.tours").add("aftersales_sop_visit_tour", {
    steps: () => [
        {
            content: "The visit is planned: check in on arrival",
            trigger: `${STEPS} button[name='action_check_in']`,
            run: "click",
        },
        {
            content: "Show the customer your ID (your card is on the screen)",
            trigger: `${STEPS} button[name='action_show_id']`,
            run: "click",
        },
        {
            content: "The ID was shown",
            trigger: ".o_form_view div[name='engineer_id_card'] .text-success",
        },
        {
            content: "What you found",
            trigger: ".o_form_view .o_field_widget[name='inspection_note'] textarea",
            run: "edit The fan capacitor is swollen.",
        },
        {
            content: "The plan you explain (free: in warranty)",
            trigger: ".o_form_view .o_field_widget[name='plan_note'] textarea",
            run: "edit Replace the fan capacitor.",
        },
        {
            content: "Start the work",
            trigger: `${STEPS} button[name='action_start_work']`,
            run: "click",
        },
        {
            content: "The work started: the joint test comes next",
            trigger: `${STEPS} button[name='action_joint_test_passed']`,
        },
        {
            content: "What you did",
            trigger: ".o_form_view .o_field_widget[name='work_note'] textarea",
            run: "edit Replaced the fan capacitor, cleaned the coil.",
        },
        {
            content: "The result",
            trigger: ".o_form_view .o_field_widget[name='result'] input[data-value='fixed']",
            run: "click",
        },
        {
            content: "Test the unit with the customer",
            trigger: `${STEPS}:has(button[name='action_check_out']) button[name='action_joint_test_passed']`,
            run: "click",
        },
        {
            content: "The joint test is recorded",
            trigger: ".o_form_view .o_field_widget[name='joint_test_passed'] input:checked",
        },
        {
            content: "The customer fills in the satisfaction checklist",
            trigger: `${STEPS} button[name='action_open_checklist']`,
            run: "click",
        },
        {
            content: "He scores the service: 9 overall",
            trigger: ".modal .o_field_widget[name='overall_score'] input[data-value='9']",
            run: "click",
        },
        {
            content: "Record his answer",
            trigger: ".modal footer button[name='action_record_answer']",
            run: "click",
        },
        {
            content: "The checklist is on the service form",
            trigger: `body:not(:has(.modal)) ${STEPS}:not(:has(button[name='action_open_checklist']))`,
        },
        {
            content: "The customer signs on the phone",
            trigger: ".o_form_view .o_field_widget[name='customer_signature'] .o_signature",
            run: "click",
        },
        {
            content: "He draws his signature",
            trigger: ".modal canvas.o_web_sign_signature",
            run: drawSignature,
        },
        {
            content: "and adopts it",
            trigger: ".modal footer button.btn-primary:enabled",
            run: "click",
        },
        {
            content: "Check out",
            trigger: `body:not(:has(.modal)) ${STEPS} button[name='action_check_out']`,
            run: "click",
        },
        {
            content: "The service form is signed and the visit done",
            trigger: ".o_form_view .ribbon:contains(Signed)",
        },
        {
            content: "No step is left",
            trigger: `${STEPS}:not(:has(button:visible))`,
        },
    ],
});
