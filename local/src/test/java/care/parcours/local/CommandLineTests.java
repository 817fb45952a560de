package care.parcours.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineTests {

	private static final Path HERE = Path.of("/work/parcours");

	@Test
	void upStartsAllFiveFromTheCurrentDirectoryWithTheDefaultTimeout() {
		CommandLine line = parse("up");

		assertThat(line.action()).isEqualTo(CommandLine.Action.UP);
		assertThat(line.repositoryRoot()).isEqualTo(HERE);
		assertThat(line.timeout()).isEqualTo(Duration.ofSeconds(240));
		assertThat(line.services()).containsExactlyInAnyOrder(ServiceName.values());
	}

	@Test
	void upStartsOneInstanceOfEachUnlessToldMore() {
		assertThat(parse("up").instances()).isEqualTo(1);
		assertThat(parse("up", "--instances=2").instances()).isEqualTo(2);
		assertThat(parse("up", "--instances", "3").instances()).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> parse("up", "--instances=0"));
		assertThatIllegalArgumentException().isThrownBy(() -> parse("up", "--instances=two"));
	}

	@Test
	void upTakesServicesByModuleOrShortName() {
		assertThat(parse("up", "partner-service", "scheduling").services())
			.containsExactlyInAnyOrder(ServiceName.PARTNER, ServiceName.SCHEDULING);
	}

	@Test
	void optionsMayComeBeforeOrAfterTheCommand() {
		CommandLine line = parse("--root", "../other", "up", "--timeout", "90s");

		assertThat(line.repositoryRoot()).isEqualTo(Path.of("/work/other"));
		assertThat(line.timeout()).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void downAndStatusTakeNoArguments() {
		assertThat(parse("down").action()).isEqualTo(CommandLine.Action.DOWN);
		assertThat(parse("status").action()).isEqualTo(CommandLine.Action.STATUS);
		assertThatIllegalArgumentException().isThrownBy(() -> parse("down", "gateway"))
			.withMessage("'gateway' is not an argument of down");
	}

	@Test
	void helpWinsOverEverythingElse() {
		assertThat(parse("up", "--help").action()).isEqualTo(CommandLine.Action.HELP);
	}

	@Test
	void explainsWhatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse())
			.withMessage("Say what to do: up, down or status");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("start"))
			.withMessage("Unknown command start; use up, down or status");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("up", "--verbose"))
			.withMessage("Unknown option --verbose");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("up", "--timeout"))
			.withMessage("--timeout needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("up", "--timeout", "soon"))
			.withMessage("--timeout takes seconds, such as 240, not soon");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("up", "payments"))
			.withMessageStartingWith("No service named 'payments'");
	}

	private static CommandLine parse(String... args) {
		return CommandLine.parse(Arrays.asList(args), HERE);
	}

}
