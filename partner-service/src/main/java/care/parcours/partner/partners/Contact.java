package care.parcours.partner.partners;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A person or desk to reach at a partner. Personal data: it stays in partner-service,
 * never in events or webhooks.
 *
 * @param role what to call them for
 * @param name the person's or desk's name
 * @param email where to write, if given
 * @param phone an E.164 number, if given
 */
public record Contact(ContactRole role, String name, @Nullable String email, @Nullable String phone) {

	public Contact {
		Objects.requireNonNull(role, "role");
		name = name.strip();
	}

}
