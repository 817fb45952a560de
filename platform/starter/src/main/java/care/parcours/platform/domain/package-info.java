/**
 * Exceptions that domain types throw when they refuse a request. They carry a stable
 * problem type and a human detail, never personal data, and import no framework.
 */
@NullMarked
package care.parcours.platform.domain;

import org.jspecify.annotations.NullMarked;
