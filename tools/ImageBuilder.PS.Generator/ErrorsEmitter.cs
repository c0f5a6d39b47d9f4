using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Generator;

/// <summary>Prints an exception type per modelled error, and the lookup from error code to type.</summary>
public static class ErrorsEmitter
{
    public static string Emit(LoadedModel model, ServiceSelection selection, string ns, string source)
    {
        var baseType = selection.Prefix + "ServiceException";
        var errors = model.Shapes.Values.Where(s => s.IsError).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var w = new CodeWriter().Header(source);
        w.Line("using System;");
        w.Line("using ImageBuilder.PS.Protocol;").Line();
        w.Open("namespace " + ns);
        w.Line($"/// <summary>An error {model.Service.ServiceId} sent back.</summary>");
        w.Open($"public class {baseType} : AwsServiceException");
        w.Line($"public {baseType}(ServiceErrorData error, Exception? innerException) : base(error, innerException) {{ }}");
        w.Close();
        foreach (var error in errors)
        {
            w.Line();
            w.Open($"public sealed class {CSharpNames.Identifier(error.Name)} : {baseType}");
            w.Line($"public {CSharpNames.Identifier(error.Name)}(ServiceErrorData error, Exception? innerException) : base(error, innerException) {{ }}");
            w.Close();
        }
        w.Line();
        w.Line("/// <summary>Turns a decoded error response into the exception for its code.</summary>");
        w.Open($"public static class {selection.Prefix}Errors");
        w.Open($"public static {baseType} Create(ServiceErrorData error, Exception? innerException) => error.Code switch");
        foreach (var error in errors)
        {
            w.Line($"{CSharpNames.Literal(error.ErrorCodeOrName)} => new {CSharpNames.Identifier(error.Name)}(error, innerException),");
        }
        w.Line($"_ => new {baseType}(error, innerException),");
        w.Close(";");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
