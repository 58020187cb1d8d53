package io.sigmalang.launcher.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * sigmalang-bom manages exactly the published library artifacts, at the project's version, and nothing
 * third-party; the README's library section names only artifacts the BOM manages.
 */
class BomTest {
    private static final Path ROOT = Path.of("..");
    private static final Path BOM = ROOT.resolve("launcher/bom/pom.xml");
    /** Reactor modules that are not libraries: the CLI application (a shaded jar), the benchmarks, the BOM itself. */
    private static final Set<String> NOT_PUBLISHED = Set.of("launcher", "bench", "launcher/bom");

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of the direct child {@code name} of {@code parent}, or null. */
    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static List<String> modules() throws Exception {
        NodeList list = read(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent().trim());
        }
        return out;
    }

    private static Set<String> publishedArtifactIds() throws Exception {
        Set<String> out = new TreeSet<>();
        for (String module : modules()) {
            if (!NOT_PUBLISHED.contains(module)) {
                out.add(child(read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement(), "artifactId"));
            }
        }
        return out;
    }

    private static List<Element> managed(Document bom) {
        NodeList list = bom.getElementsByTagName("dependency");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    @Test
    void theBomManagesExactlyThePublishedModulesAtTheProjectVersion() throws Exception {
        Document bom = read(BOM);
        Element project = bom.getDocumentElement();
        assertEquals(null, child(project, "parent"), "the BOM has no parent, so it inherits no third-party versions");
        assertEquals("pom", child(project, "packaging"));
        String parentVersion = child(read(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
        assertEquals(parentVersion, child(project, "version"), "the BOM's version is the project's");

        Set<String> managed = new TreeSet<>();
        for (Element dependency : managed(bom)) {
            assertEquals("io.sigmalang", child(dependency, "groupId"), "only this project's artifacts");
            assertEquals("${project.version}", child(dependency, "version"));
            managed.add(child(dependency, "artifactId"));
        }
        Set<String> published = publishedArtifactIds();
        // The seven library artifacts, named here by hand so that a module list that lost one also fails.
        assertEquals(Set.of("sigmalang-domain", "sigmalang-pool-fixed", "sigmalang-pool-adaptive",
                "sigmalang-pool-offheap", "sigmalang-adapters", "sigmalang-metrics", "sigmalang-spark"),
                Set.copyOf(managed));
        assertTrue(published.containsAll(managed) && managed.containsAll(published),
                "published modules " + published + " vs managed " + managed);
    }

    @Test
    void theReadmeLibrarySectionNamesOnlyManagedArtifacts() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Use it as a library");
        assertTrue(start >= 0, "the README has its library section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> named = artifactIds(section);
        Set<String> managed = new TreeSet<>();
        for (Element dependency : managed(read(BOM))) {
            managed.add(child(dependency, "artifactId"));
        }
        managed.add("sigmalang-bom");
        assertTrue(managed.containsAll(named), "the README names " + named + "; the BOM manages " + managed);
        assertTrue(named.containsAll(managed), "every managed artifact has its README line: " + named);
    }

    @Test
    void theArtifactScanFindsMavenAndGradleSpellings() throws IOException {
        assertEquals(Set.of("sigmalang-domain", "sigmalang-pool-fixed", "sigmalang-bom"), artifactIds(
                "<artifactId>sigmalang-domain</artifactId> implementation(\"io.sigmalang:sigmalang-pool-fixed\") "
                        + "platform(\"io.sigmalang:sigmalang-bom:0.1.0\")"));
    }

    private static Set<String> artifactIds(String text) {
        Matcher m = Pattern.compile("(?:<artifactId>|io\\.sigmalang:)(sigmalang-[a-z-]+)").matcher(text);
        Set<String> out = new TreeSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
