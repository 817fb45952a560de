package care.parcours.billing.coverage;

import java.time.Instant;
import java.util.UUID;

/**
 * An insurer patients hold policies with.
 *
 * @param id the insurer
 * @param kind national, mutual or private international
 * @param code its short code, unique, such as {@code INAMI} or {@code MC-BE}
 * @param label its name
 * @param country ISO 3166-1 alpha-2 country it insures in
 * @param createdAt when it was added
 */
public record Insurer(UUID id, InsurerKind kind, String code, String label, String country, Instant createdAt) {

}
