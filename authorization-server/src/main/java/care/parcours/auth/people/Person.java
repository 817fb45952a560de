package care.parcours.auth.people;

import java.util.List;
import java.util.regex.Pattern;

import care.parcours.auth.Role;

/**
 * Someone who may log in, with a bcrypt hash of their password and the staff roles they
 * hold.
 *
 * @param name the login name, also the {@code sub} of their tokens
 * @param passwordHash the bcrypt hash, prefixed {@code {bcrypt}}
 * @param roles the staff roles held, at least one
 */
public record Person(String name, String passwordHash, List<Role> roles) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

	private static final Pattern BCRYPT = Pattern.compile("(\\{bcrypt})?\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

	/**
	 * @throws IllegalArgumentException when the name is not a plain login name, the
	 * password is not a bcrypt hash, or the roles are missing or include {@code partner}
	 */
	public Person {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"'" + name + "' is not a login name: use 1 to 100 letters, digits, . _ @ -");
		}
		if (!BCRYPT.matcher(passwordHash).matches()) {
			// Never quote the value: it may be a password typed where its hash belongs.
			throw new IllegalArgumentException("The password of " + name
					+ " is not a bcrypt hash; configure the hash ($2a$…), never the password itself");
		}
		passwordHash = passwordHash.startsWith("{bcrypt}") ? passwordHash : "{bcrypt}" + passwordHash;
		if (roles.isEmpty()) {
			throw new IllegalArgumentException(name + " holds no role");
		}
		if (roles.contains(Role.PARTNER)) {
			throw new IllegalArgumentException(
					name + " cannot hold the partner role: it belongs to partner clients, never to people");
		}
		roles = List.copyOf(roles);
	}

	/** The role names as the {@code roles} claim lists them. */
	public List<String> claimValues() {
		return roles.stream().map(Role::claimValue).toList();
	}

	@Override
	public String toString() {
		return "Person[name=" + name + ", roles=" + roles + "]";
	}

}
