package care.parcours.gateway.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class RetryOnRefusedConnectionTests {

	@Test
	void refusedConnectionIsWorthASecondTry() {
		assertThat(RetryOnRefusedConnectionGatewayFilterFactory
			.isRefusedConnection(new ConnectException("Connection refused"))).isTrue();
		assertThat(RetryOnRefusedConnectionGatewayFilterFactory
			.isRefusedConnection(new IllegalStateException(new ConnectException("Connection refused")))).isTrue();
	}

	@Test
	void connectTimeoutLateAnswerAndBrokenAnswerAreNot() {
		assertThat(RetryOnRefusedConnectionGatewayFilterFactory
			.isRefusedConnection(new ConnectTimeoutException("connection timed out"))).isFalse();
		assertThat(RetryOnRefusedConnectionGatewayFilterFactory.isRefusedConnection(
				new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "late", new TimeoutException())))
			.isFalse();
		assertThat(RetryOnRefusedConnectionGatewayFilterFactory
			.isRefusedConnection(new IOException("Connection reset by peer"))).isFalse();
	}

}
