@echo off
rem Runs VoxBeam's launcher with the class-data archive the build made beside it (see voxbeam).
if "%JAVA%"=="" set JAVA=java
"%JAVA%" %VOXBEAM_JAVA_OPTS% -XX:SharedArchiveFile="%~dp0voxbeam.jsa" -Xshare:auto -jar "%~dp0launcher.jar" %*
