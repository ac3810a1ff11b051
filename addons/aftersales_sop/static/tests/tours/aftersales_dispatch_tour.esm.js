/* Copyright 2026 After-Sales Suite Authors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A dispatcher opens a repair request, dispatches it to the proposed engineer
// and lands on the new dispatch order.
registry.category("web_tour.tours").add("aftersales_sop_dispatch_tour", {
    steps: () => [
        {
            content: "The repair request shows its breached-clock alert and its Dispatch button",
            trigger: ".o_form_view button[name='action_open_dispatch']",
            run: "click",
        },
        {
            content: "The engineers are ranked, with the reasons of each place",
            trigger:
                ".modal .o_field_widget[name='candidate_ids'] .o_data_row:first-child td[name='reasons']:contains(same zone)",
        },
        {
            content: "On a complex job the farther senior comes before the local junior, and says why",
            trigger:
                ".modal .o_field_widget[name='candidate_ids'] .o_data_row:nth-child(3) td[name='reasons']:contains(after Chen):contains(complex jobs go to seniors before the zone counts)",
        },
        {
            content: "The best eligible engineer is proposed",
            trigger: ".modal .o_field_widget[name='engineer_id'] input:value(Zhang)",
        },
        {
            content: "Dispatch",
            trigger: ".modal footer button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The dispatch order has its on-site deadline",
            trigger: ".o_form_view .o_field_widget[name='onsite_deadline'] span:not(:empty)",
        },
        {
            content: "and the engineer",
            trigger: ".o_form_view .o_field_widget[name='engineer_id'] input:value(Zhang)",
        },
    ],
});
