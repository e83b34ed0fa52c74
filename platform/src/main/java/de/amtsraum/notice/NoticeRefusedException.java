package de.amtsraum.notice;

import de.amtsraum.shared.web.ProblemException;
import de.amtsraum.shared.web.ProblemType;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Publishing refused: the draft breaks a manifest rule or a notice guard. Nothing was changed. */
public class NoticeRefusedException extends ProblemException {

    public static final ProblemType PROBLEM = new ProblemType(HttpStatus.UNPROCESSABLE_ENTITY, "notice-publishing-refused",
            "Publishing refused", "The configuration cannot be published with its privacy notice; see errors.");

    private final List<NoticeProblem> problems;

    public NoticeRefusedException(List<NoticeProblem> problems) {
        super(PROBLEM);
        this.problems = List.copyOf(problems);
    }

    public List<NoticeProblem> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("errors", problems.stream().map(p -> Map.of("field", p.field(), "reason", p.english())).toList());
    }
}
