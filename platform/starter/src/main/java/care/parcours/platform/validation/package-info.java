/**
 * Bean Validation constraints for the codes every service accepts: IANA time zones, ISO
 * country, language and currency codes.
 */
@NullMarked
package care.parcours.platform.validation;

import org.jspecify.annotations.NullMarked;
