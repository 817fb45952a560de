/**
 * Documents for the patient: a quote's version as a PDF in the patient's language
 * (French, English or Dutch), amounts formatted for it, with an indicative amount in the
 * patient's own currency at a rate billing staff recorded.
 */
@NullMarked
package care.parcours.billing.documents;

import org.jspecify.annotations.NullMarked;
