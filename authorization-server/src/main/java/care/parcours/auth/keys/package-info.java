/**
 * The RSA keys that sign access and ID tokens: one given by configuration, or one
 * generated once and kept in the database so that a restart, or a second instance, signs
 * with the same key and tokens issued before stay valid.
 */
@NullMarked
package care.parcours.auth.keys;

import org.jspecify.annotations.NullMarked;
