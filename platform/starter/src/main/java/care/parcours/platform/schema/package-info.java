/**
 * The platform's own tables (outbox, handled events), migrated by Flyway in their own
 * schema beside each service's tables.
 */
@NullMarked
package care.parcours.platform.schema;

import org.jspecify.annotations.NullMarked;
