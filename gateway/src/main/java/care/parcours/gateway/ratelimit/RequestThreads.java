package care.parcours.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.EventLoop;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * The event loop that serves a request's connection, to come back to after the Redis
 * answer. Lettuce answers on the one I/O thread of its shared connection: staying there,
 * the rest of every request (routing, the call to the service) would run on that thread,
 * one at a time. Back on the request's own event loop, the call to the service is made on
 * a connection of the same loop and the answer written from it, with no further thread
 * hop; a request that never left the loop goes on at once.
 */
final class RequestThreads {

	private static final Map<EventLoop, Scheduler> schedulers = new ConcurrentHashMap<>();

	private RequestThreads() {
	}

	static Scheduler of(ServerWebExchange exchange) {
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		if (nativeRequest instanceof Connection connection) {
			return schedulers.computeIfAbsent(connection.channel().eventLoop(), RequestThreads::onLoop);
		}
		// Not served by Reactor Netty: any thread but Lettuce's.
		return Schedulers.parallel();
	}

	private static Scheduler onLoop(EventLoop loop) {
		return Schedulers.fromExecutor((task) -> {
			if (loop.inEventLoop()) {
				task.run();
			}
			else {
				loop.execute(task);
			}
		});
	}

}
