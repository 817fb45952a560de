/**
 * Quotes (devis): priced proposals for a patient's care pathway, in versions; each
 * version is drafted, sent, then accepted, rejected, superseded by the next or expired at
 * its validity date. The patient accepts exactly one version.
 */
@NullMarked
package care.parcours.billing.quotes;

import org.jspecify.annotations.NullMarked;
