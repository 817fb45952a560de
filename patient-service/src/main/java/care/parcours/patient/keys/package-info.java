/**
 * The keys that protect patient data: one data key per patient, wrapped by the master
 * keyset of the configuration (envelope encryption with Google Tink), and the keyed
 * digests (blind indexes) that find a patient without storing what they are found by.
 */
@NullMarked
package care.parcours.patient.keys;

import org.jspecify.annotations.NullMarked;
