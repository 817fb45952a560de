package care.parcours.auth.people;

import java.util.List;

import care.parcours.auth.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PersonTests {

	/** bcrypt of "secret", cost 10. */
	private static final String HASH = "$2a$10$GRLdNijSQMUvl/au9ofL.eDwmoohzzS7.rmNSJZ.0FxO/BTk76klW";

	@Test
	void aHashWithoutPrefixIsReadAsBcrypt() {
		Person person = new Person("camille", HASH, List.of(Role.COORDINATOR, Role.BILLING));

		assertThat(person.passwordHash()).isEqualTo("{bcrypt}" + HASH);
		assertThat(person.claimValues()).containsExactly("coordinator", "billing");
	}

	@Test
	void aPasswordWhereItsHashBelongsIsRefusedWithoutBeingQuoted() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Person("camille", "hunter2", List.of(Role.COORDINATOR)))
			.withMessageContaining("not a bcrypt hash")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void peopleNeverHoldThePartnerRoleAndAlwaysHoldOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Person("camille", HASH, List.of(Role.PARTNER)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Person("camille", HASH, List.of()));
	}

	@Test
	void aLoginNameIsPlain() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Person("camille martin", HASH, List.of(Role.OPS)));
	}

	@Test
	void printingAPersonLeavesTheHashOut() {
		assertThat(new Person("camille", HASH, List.of(Role.OPS)).toString()).doesNotContain(HASH);
	}

}
