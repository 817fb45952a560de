package care.parcours.platform.outbox;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.Things;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test service in a process of its own whose relay dies on its first send. Arguments:
 * the database URL, user, password, the Kafka bootstrap servers and the id of the thing
 * to create.
 */
public final class CrashingWriter {

	static final int NO_CRASH = 3;

	private CrashingWriter() {
	}

	public static void main(String[] args) throws InterruptedException {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + args[0], "--spring.datasource.username=" + args[1],
					"--spring.datasource.password=" + args[2], "--spring.kafka.bootstrap-servers=" + args[3],
					"--spring.kafka.producer.properties.interceptor.classes=" + HaltBeforeSend.class.getName());
		context.getBean(Things.class).create(UUID.fromString(args[4]), "doomed", "SMALL");
		// The relay thread halts the JVM; should it not, say so through the exit code.
		new CountDownLatch(1).await(60, TimeUnit.SECONDS);
		System.exit(NO_CRASH);
	}

}
