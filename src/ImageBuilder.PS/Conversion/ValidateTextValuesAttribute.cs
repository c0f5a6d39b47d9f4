using System;
using System.Collections;
using System.Management.Automation;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// Tags and other string maps: each value is one piece of text (a string, or a number, date or switch written
    /// as text). A nested hashtable or a list would otherwise be sent as its type name.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateTextValuesAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if ((arguments is PSObject ps ? ps.BaseObject : arguments) is not IDictionary map)
            {
                return;
            }
            foreach (DictionaryEntry entry in map)
            {
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (value is IDictionary || value is PSCustomObject || (value is IEnumerable && value is not string))
                {
                    throw new ValidationMetadataException(
                        $"The value of '{entry.Key}' is a {value.GetType().Name}; each value must be a single piece of text, such as '{entry.Key}' = 'value'.");
                }
            }
        }
    }
}
