package care.parcours.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import care.parcours.platform.problem.ProblemTypes;

import org.springframework.http.HttpStatus;

/**
 * Errors Tomcat answers itself, before any servlet (an encoded slash or a malformed
 * request line, say), as problem details rather than Tomcat's HTML page with its version.
 * Public because Tomcat instantiates it by name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable failure) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = known == null ? "Error" : known.getReasonPhrase();
		String body = "{\"type\":\"" + ProblemTypes.forStatus(HttpStatus.valueOf(status)) + "\",\"title\":\"" + title
				+ "\",\"status\":" + status + ",\"detail\":\"The request was refused before it reached the service.\"}";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response committed: nothing more to tell it.
		}
	}

}
