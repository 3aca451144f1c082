@echo off
rem Runs VoxBeam's launcher with the class-data archive the build made beside it (voxbeam-beam.jsa
rem when the command line names a Beam runner, voxbeam.jsa otherwise; see voxbeam), and commands
rem other than serve on the parallel collector with C2 compiling later (see voxbeam). Flags in
rem VOXBEAM_JAVA_OPTS come last and win; a collector named there replaces the parallel one.
if "%JAVA%"=="" set JAVA=java
set VOXBEAM_COLLECTOR=-XX:+UseParallelGC
set VOXBEAM_COMPILER=-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000
if /i "%~1"=="serve" set VOXBEAM_COLLECTOR=
if /i "%~1"=="serve" set VOXBEAM_COMPILER=
echo.%VOXBEAM_JAVA_OPTS% | findstr /r /c:"-XX:+Use.*GC" >nul && set VOXBEAM_COLLECTOR=
set VOXBEAM_ARCHIVE=voxbeam.jsa
echo.%* | findstr /r /c:"--runner.*Runner" >nul && set VOXBEAM_ARCHIVE=voxbeam-beam.jsa
"%JAVA%" %VOXBEAM_COLLECTOR% %VOXBEAM_COMPILER% %VOXBEAM_JAVA_OPTS% -XX:SharedArchiveFile="%~dp0%VOXBEAM_ARCHIVE%" -Xshare:auto -jar "%~dp0launcher.jar" %*
