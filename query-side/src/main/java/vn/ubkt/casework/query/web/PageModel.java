package vn.ubkt.casework.query.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs: where it is (for the language switch), today, and the committees to choose from. */
@ControllerAdvice(annotations = UiPage.class)
class PageModel {

    private final JdbcClient jdbc;
    private final Clock clock;

    PageModel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record CommitteeOption(String id, String name, String kind, String level) {
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : request.getQueryString()
                .replaceAll("(^|&)lang=[^&]*", "").replaceAll("^&", "");
        return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
    }

    @ModelAttribute("today")
    LocalDate today() {
        return LocalDate.now(clock);
    }

    @ModelAttribute("committeeOptions")
    List<CommitteeOption> committees() {
        return jdbc.sql("""
                select id, name, kind, level from committee_node where dissolved_on is null
                order by array_position(array['CENTRAL','PROVINCIAL','DISTRICT','GRASSROOTS','CELL']::varchar[], level), name""")
                .query((rs, n) -> new CommitteeOption(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
