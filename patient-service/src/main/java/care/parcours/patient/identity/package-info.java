/**
 * Who a patient is: names, birth, contacts and national identifiers as values that check
 * their own rules (check digits, E.164, folding of names), and the normalised terms a
 * patient can be found by. Personal data: nothing here prints its content.
 */
@NullMarked
package care.parcours.patient.identity;

import org.jspecify.annotations.NullMarked;
