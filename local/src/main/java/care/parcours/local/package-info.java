/**
 * The local platform: an in-process Kafka broker (KRaft), PostgreSQL (a server or an
 * embedded one) and the six services started from their jars as separate processes.
 * {@link care.parcours.local.LocalPlatformCommand} runs it from a terminal;
 * {@link care.parcours.local.LocalPlatform} starts it from a test.
 */
@NullMarked
package care.parcours.local;

import org.jspecify.annotations.NullMarked;
