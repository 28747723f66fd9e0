package io.cvmkeys.maven;

import io.cvmkeys.modules.StackDefinition;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.model.Profile;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Settings shared by the cvmkeys goals: the environment, its folder, the stack class and the checks. */
abstract class AbstractCvmkeysMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** Environment name; also selected by the profile {@code env=NAME} ({@code -Penv=NAME}). */
    @Parameter(property = "cvmkeys.env")
    protected String env;

    /** Folder of the environment files. */
    @Parameter(property = "cvmkeys.envDirectory", defaultValue = "${project.basedir}/env")
    protected File environmentDirectory;

    /** Folder that receives {@code <env>/} with the synthesized files. */
    @Parameter(property = "cvmkeys.outputDirectory", defaultValue = "${project.basedir}/generated")
    protected File outputDirectory;

    /** Class of the project that implements {@code io.cvmkeys.modules.StackDefinition}. */
    @Parameter(property = "cvmkeys.stack", defaultValue = "io.cvmkeys.modules.stack.CmkStackDefinition")
    protected String stack;

    /** Folder with the official ARM schemas (the one that contains {@code schemas/}); without it validation is not available. */
    @Parameter(property = "cvmkeys.armSchemas")
    protected File armSchemas;

    /** Path of the Bicep CLI; by default {@code bicep} or {@code az} on PATH. */
    @Parameter(property = "cvmkeys.bicep")
    protected File bicep;

    @Parameter(property = "cvmkeys.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    /** True when the goal runs from a phase of the build, not typed on the command line. */
    protected boolean boundToLifecycle() {
        return mojoExecution != null && !"default-cli".equals(mojoExecution.getExecutionId());
    }

    /** True when a property or an {@code env=NAME} profile selects an environment. */
    protected boolean isEnvironmentSelected() throws MojoExecutionException {
        try {
            return EnvironmentSelection.select(env, activeProfileIds()) != null;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    private List<String> activeProfileIds() {
        List<String> profiles = new ArrayList<>();
        for (Profile profile : project.getActiveProfiles()) {
            profiles.add(profile.getId());
        }
        profiles.addAll(session.getRequest().getActiveProfiles());
        return profiles;
    }

    /** Returns the selected environment, or fails with how to select one and which exist. */
    protected String environmentName() throws MojoExecutionException {
        String selected;
        try {
            selected = EnvironmentSelection.select(env, activeProfileIds());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        if (selected == null) {
            throw new MojoExecutionException("No environment selected. Use -Penv=NAME (Maven 3), -P env=NAME (Maven 4)"
                    + " or -Dcvmkeys.env=NAME; environments in " + environmentDirectory + ": " + knownEnvironments());
        }
        return selected;
    }

    private List<String> knownEnvironments() {
        try (Stream<Path> files = Files.list(environmentDirectory.toPath())) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches(".+\\.(json|ya?ml)"))
                    .map(name -> name.substring(0, name.lastIndexOf('.')))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    protected Path armSchemasPath() {
        return armSchemas == null ? null : armSchemas.toPath();
    }

    protected Path bicepPath() {
        return bicep == null ? null : bicep.toPath();
    }

    /**
     * Instantiates the project's stack class from its compiled classes. cvmkeys' own classes are loaded from
     * the plugin first, so the class implements the same {@link StackDefinition} type the plugin casts to.
     */
    protected StackDefinition stackDefinition() throws MojoExecutionException {
        try {
            List<URL> urls = new ArrayList<>();
            for (String element : project.getCompileClasspathElements()) {
                urls.add(new File(element).toURI().toURL());
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
            Object instance = Class.forName(stack, true, loader).getDeclaredConstructor().newInstance();
            if (!(instance instanceof StackDefinition definition)) {
                throw new MojoExecutionException("Stack class " + stack + " does not implement io.cvmkeys.modules.StackDefinition.");
            }
            return definition;
        } catch (ClassNotFoundException e) {
            throw new MojoExecutionException("Stack class " + stack + " not found. Compile the project first"
                    + " (mvn compile cvmkeys:synth) and check <stack> in the plugin configuration.", e);
        } catch (ReflectiveOperationException | MalformedURLException
                 | org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Stack class " + stack + " cannot be instantiated: " + e
                    + ". It needs a public no-argument constructor.", e);
        }
    }
}
