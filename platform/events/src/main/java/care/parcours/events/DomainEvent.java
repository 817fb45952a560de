package care.parcours.events;

/**
 * A fact a service publishes for others. Implementations are past-tense records annotated
 * with {@link EventType}, permitted by one sealed interface per producing service
 * annotated with {@link Topic}. They carry ids, codes, times and amounts, never personal
 * data.
 */
public interface DomainEvent {

}
