package io.fupin.support.problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own refusals, made before Spring sees the request (a path with an encoded slash, a NUL or bytes
 * that are not UTF-8), as problem+json instead of Tomcat's HTML page. Answers Spring already wrote are left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        String detail = status < 500 ? "The request cannot be read: its path, headers or body are malformed."
                : "Something went wrong on our side; nothing was changed by this request.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
                problem.setType(Problems.typeOf(resolved == null ? "error" : Problems.slugOf(resolved)));
                problem.setTitle(resolved == null ? "Error" : resolved.getReasonPhrase());
                writer.write(new String(Problems.json(problem), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the answer already started: nothing more to say
        }
    }
}
