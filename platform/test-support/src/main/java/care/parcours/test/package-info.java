/**
 * Real infrastructure for tests: one in-process Kafka broker (KRaft) and one PostgreSQL
 * server per test JVM, a fresh database for every test class.
 */
@NullMarked
package care.parcours.test;

import org.jspecify.annotations.NullMarked;
