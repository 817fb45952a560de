package care.parcours.auth.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import care.parcours.auth.AuthProperties;
import care.parcours.auth.DemoAccounts;
import care.parcours.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Everyone who may log in, read once from the configuration: a mistake there (a password
 * instead of its hash, an unknown role, a name given twice) stops the server at start
 * rather than locking someone out later.
 */
@Component
public class People implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(People.class);

	private final Map<String, Person> byName = new LinkedHashMap<>();

	People(AuthProperties properties, PasswordEncoder passwords) {
		for (AuthProperties.User user : properties.users()) {
			Person person = configured(user);
			if (byName.putIfAbsent(person.name(), person) != null) {
				throw new IllegalStateException("parcours.auth.users names " + person.name() + " twice");
			}
		}
		if (properties.demoUsers()) {
			for (Role role : Role.staff()) {
				byName.putIfAbsent(DemoAccounts.userName(role), new Person(DemoAccounts.userName(role),
						passwords.encode(DemoAccounts.password(role)), List.of(role)));
			}
			log.warn("Demo people are enabled (parcours.auth.demo-users): never on a shared or production server");
		}
		log.info("{} people may log in", byName.size());
	}

	private static Person configured(AuthProperties.User user) {
		try {
			return new Person(user.name(), user.password(), user.roles().stream().map(Role::of).toList());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid entry in parcours.auth.users: " + ex.getMessage(), ex);
		}
	}

	/** The person's current roles, or empty when they may no longer log in. */
	public Optional<Person> find(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	/**
	 * A new instance at each call: Spring Security erases the password of what it gets.
	 */
	@Override
	public UserDetails loadUserByUsername(String name) {
		Person person = find(name).orElseThrow(() -> new UsernameNotFoundException("No such person"));
		return User.withUsername(person.name())
			.password(person.passwordHash())
			.authorities(person.claimValues().stream().map(role -> "ROLE_" + role).toArray(String[]::new))
			.build();
	}

}
