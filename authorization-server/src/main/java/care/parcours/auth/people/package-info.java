/**
 * The people who may log in: those configured under {@code parcours.auth.users} and, on
 * local platforms, one demo person per staff role. Their roles go into every token they
 * obtain.
 */
@NullMarked
package care.parcours.auth.people;

import org.jspecify.annotations.NullMarked;
