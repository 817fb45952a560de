package care.parcours.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTests {

	@Test
	void replacesTheDatabase() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "parcours_partner"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/parcours_partner");
	}

	@Test
	void keepsConnectionParametersButNotCredentials() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/postgres?user=ops&sslmode=require&password=pw",
				"parcours_billing"))
			.isEqualTo("jdbc:postgresql://db:5432/parcours_billing?sslmode=require");
	}

	@Test
	void addsADatabaseToAUrlWithoutOne() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432", "parcours_patient"))
			.isEqualTo("jdbc:postgresql://db:5432/parcours_patient");
	}

	@Test
	void readsAParameter() {
		assertThat(JdbcUrls.parameter("jdbc:postgresql://db/postgres?user=ops", "user")).contains("ops");
		assertThat(JdbcUrls.parameter("jdbc:postgresql://db/postgres", "user")).isEmpty();
	}

}
