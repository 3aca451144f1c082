@echo off
rem Runs VoxBeam's launcher with the class-data archive the build made beside it, and commands
rem other than serve on the parallel collector (see voxbeam). A collector in VOXBEAM_JAVA_OPTS wins.
if "%JAVA%"=="" set JAVA=java
set VOXBEAM_COLLECTOR=-XX:+UseParallelGC
if /i "%~1"=="serve" set VOXBEAM_COLLECTOR=
echo.%VOXBEAM_JAVA_OPTS% | findstr /r /c:"-XX:+Use.*GC" >nul && set VOXBEAM_COLLECTOR=
"%JAVA%" %VOXBEAM_COLLECTOR% %VOXBEAM_JAVA_OPTS% -XX:SharedArchiveFile="%~dp0voxbeam.jsa" -Xshare:auto -jar "%~dp0launcher.jar" %*
