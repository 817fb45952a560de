package care.parcours.platform.retry;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link RetryOnContention} and the problem handler rely on: PostgreSQL's deadlock
 * and serialization failure come out of Spring's translation as
 * {@link PessimisticLockingFailureException}, whichever translator a template uses.
 */
class ContentionTranslationTests {

	@ParameterizedTest
	@ValueSource(strings = { "40P01", "40001" })
	void postgresConcurrencyFailuresArePessimisticLockingFailures(String sqlState) {
		SQLException failure = new SQLException("aborted", sqlState);

		DataAccessException byErrorCodes = new SQLErrorCodeSQLExceptionTranslator("PostgreSQL").translate("insert",
				"insert into booking", failure);
		DataAccessException byState = new SQLStateSQLExceptionTranslator().translate("insert", "insert into booking",
				failure);

		assertThat(byErrorCodes).isInstanceOf(PessimisticLockingFailureException.class);
		assertThat(byState).isInstanceOf(PessimisticLockingFailureException.class);
	}

}
