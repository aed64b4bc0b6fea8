// Nothing runs here: `dotnet ef` loads this project's build output to find the module contexts' design-time factories.
return 0;
