package care.parcours.platform.retry;

import java.lang.reflect.Method;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class OutermostTransactionTests {

	private final OutermostTransaction predicate = new OutermostTransaction();

	private final PessimisticLockingFailureException deadlock = new PessimisticLockingFailureException("deadlock");

	@AfterEach
	void leaveNoTransaction() {
		TransactionSynchronizationManager.setActualTransactionActive(false);
	}

	@Test
	void aTransactionOfItsOwnIsTriedAgain() throws Exception {
		assertThat(predicate.shouldRetry(method("command"), deadlock)).isTrue();
	}

	@Test
	void aMethodOfATransactionalClassIsTriedAgain() throws Exception {
		assertThat(predicate.shouldRetry(TransactionalCommands.class.getDeclaredMethod("command"), deadlock)).isTrue();
	}

	@Test
	void aCallInsideACallersTransactionIsLeftToTheCaller() throws Exception {
		TransactionSynchronizationManager.setActualTransactionActive(true);

		assertThat(predicate.shouldRetry(method("command"), deadlock)).isFalse();
	}

	@Test
	void aMethodWithoutATransactionOfItsOwnIsNotTriedAgainSoThatRetriesNeverMultiply() throws Exception {
		assertThat(predicate.shouldRetry(method("caller"), deadlock)).isFalse();
	}

	private static Method method(String name) throws NoSuchMethodException {
		return Commands.class.getDeclaredMethod(name);
	}

	static class Commands {

		@Transactional
		void command() {
		}

		void caller() {
		}

	}

	@Transactional
	static class TransactionalCommands {

		void command() {
		}

	}

}
