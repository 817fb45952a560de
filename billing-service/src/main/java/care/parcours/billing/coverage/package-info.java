/**
 * Coverage: insurers (national, mutual, private international), each patient's policies
 * with their rules per kind of item, what each insurer and the patient pay of a quote,
 * line by line, and the prior authorisations insurers give.
 */
@NullMarked
package care.parcours.billing.coverage;

import org.jspecify.annotations.NullMarked;
