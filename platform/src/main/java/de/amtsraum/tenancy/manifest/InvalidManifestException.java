package de.amtsraum.tenancy.manifest;

import de.amtsraum.shared.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A manifest that failed validation; nothing of it was applied. */
public class InvalidManifestException extends ProblemException {

    private final transient List<ManifestProblem> problems;

    public InvalidManifestException(List<ManifestProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-manifest", "Invalid tenant manifest",
                summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ManifestProblem> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("errors", problems);
    }

    private static String summary(List<ManifestProblem> problems) {
        String first = problems.isEmpty() ? "unknown problem" : problems.get(0).toString();
        return problems.size() <= 1 ? first : first + " (and " + (problems.size() - 1) + " more, see errors)";
    }
}
