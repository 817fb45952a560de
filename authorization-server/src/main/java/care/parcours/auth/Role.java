package care.parcours.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a token's bearer may do, as the {@code roles} claim names it (lower case). Staff
 * roles belong to people and to demo clients; {@link #PARTNER} only to partner clients,
 * whose tokens also carry the partner's id.
 */
public enum Role {

	COORDINATOR, ASSISTANT, BILLING, ADMIN, OPS, PARTNER;

	/** The name as it appears in the {@code roles} claim. */
	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The roles people hold: every one but {@link #PARTNER}. */
	public static List<Role> staff() {
		return Arrays.stream(values()).filter(role -> role != PARTNER).toList();
	}

	/**
	 * @throws IllegalArgumentException when the name is none of the roles
	 */
	public static Role of(String name) {
		return Arrays.stream(values())
			.filter(role -> role.claimValue().equals(name.trim().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown role '" + name + "': expected one of "
					+ Arrays.stream(values()).map(Role::claimValue).toList()));
	}

}
