/**
 * partner-service: the directory of the network's hospitals, clinics, care centres and
 * service providers, and of the practitioners who work for them.
 */
@NullMarked
package care.parcours.partner;

import org.jspecify.annotations.NullMarked;
